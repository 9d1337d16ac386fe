package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitsTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;

    /** Sends as soon as allowed and returns the send times. */
    private static long[] drive(RateLimits limits, long[] chats) {
        long now = 0;
        long[] times = new long[chats.length];
        for (int i = 0; i < chats.length; i++) {
            long wait = limits.waitFor(chats[i], now);
            now += Math.max(0, wait);
            assertThat(limits.waitFor(chats[i], now)).isLessThanOrEqualTo(0);
            limits.record(chats[i], now);
            times[i] = now;
        }
        return times;
    }

    @Test
    void neverMoreThanTheGlobalLimitInAnySecond() {
        RateLimits limits = new RateLimits(30, 0, 20);
        long[] chats = new long[200];
        for (int i = 0; i < chats.length; i++) {
            chats[i] = i + 1;
        }
        long[] t = drive(limits, chats);
        for (int i = 0; i + 30 < t.length; i++) {
            assertThat(t[i + 30] - t[i]).isGreaterThanOrEqualTo(S);
        }
        assertThat(t[199]).isLessThan(7 * S); // and not slower than needed
    }

    @Test
    void oneChatWaitsItsInterval() {
        RateLimits limits = new RateLimits(30, S, 20);
        long[] t = drive(limits, new long[] {5, 5, 5});
        assertThat(t).containsExactly(0, S, 2 * S);
    }

    @Test
    void aGroupGetsAtMostItsPerMinuteLimit() {
        RateLimits limits = new RateLimits(30, 0, 20);
        long[] chats = new long[41];
        java.util.Arrays.fill(chats, -100);
        long[] t = drive(limits, chats);
        assertThat(t[19]).isLessThan(S);
        assertThat(t[20]).isGreaterThanOrEqualTo(60 * S);
        assertThat(t[40]).isGreaterThanOrEqualTo(120 * S);
    }

    @Test
    void aPauseHoldsEveryChat() {
        RateLimits limits = new RateLimits(30, 0, 20);
        limits.pauseUntil(3 * S);
        assertThat(limits.waitFor(1, S)).isEqualTo(2 * S);
        assertThat(limits.waitForAny(S)).isEqualTo(2 * S);
        assertThat(limits.waitFor(1, 4 * S)).isLessThanOrEqualTo(0);
    }

    @Test
    void aMessageInFlightCountsUntilAnsweredThenFromItsAnswer() {
        RateLimits limits = new RateLimits(1, 0, 20);
        RateLimits.Slot first = limits.reserve(1, 0);
        assertThat(limits.waitForAny(5 * S)).as("still out after 5 s: it may not have arrived yet").isPositive();
        limits.settle(first, 5 * S);
        assertThat(limits.waitForAny(5 * S + S / 2)).as("it counts from its answer at 5 s").isEqualTo(S / 2);
        assertThat(limits.waitForAny(6 * S)).isLessThanOrEqualTo(0);
    }

    @Test
    void theOverallLimitFollowsTheUnitsHeldOfASharedBudget() {
        RateLimits limits = new RateLimits(30, 0, 20);
        limits.limitOverall(15);
        for (int i = 0; i < 15; i++) {
            assertThat(limits.waitForAny(0)).isLessThanOrEqualTo(0);
            limits.record(i + 1, 0);
        }
        assertThat(limits.counted(0)).isEqualTo(15);
        assertThat(limits.waitForAny(0)).isEqualTo(S);
        assertThat(limits.waitForChat(99, 0)).as("the chat's own limits do not wait").isLessThanOrEqualTo(0);
        limits.limitOverall(30);
        assertThat(limits.waitForAny(0)).isLessThanOrEqualTo(0);
        limits.limitOverall(0);
        assertThat(limits.waitForAny(2 * S)).as("no units: nothing goes, however old the window").isPositive();
        assertThat(limits.waitFor(99, 2 * S)).isPositive();
        assertThat(limits.counted(2 * S)).isZero();
    }
}
