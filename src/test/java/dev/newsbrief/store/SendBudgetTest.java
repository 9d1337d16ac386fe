package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegram's bot-wide rate shared by instances as units of one budget on PostgreSQL. */
class SendBudgetTest {
    @TempDir
    Path dir;

    @Test
    void onSqliteTheOneProcessHasTheWholeRate() {
        try (Database db = StoreBackend.SQLITE.open(dir, "b.db")) {
            SendBudget budget = new SendBudget(db, 30, Duration.ofSeconds(3));
            assertThat(budget.shared()).isFalse();
            assertThat(budget.sync(0, 0).units()).isEqualTo(30);
        }
    }

    @Test
    void aLoneInstanceGetsWhatItWantsAndAnotherGetsItsFairShareAsItIsGivenBack() {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "b.db")) {
            SendBudget a = new SendBudget(db, 30, Duration.ofSeconds(3));
            SendBudget b = new SendBudget(db, 30, Duration.ofSeconds(3));
            assertThat(a.sync(0, 30).units()).as("nobody else wants any").isEqualTo(30);
            SendBudget.Grant starved = b.sync(0, 10);
            assertThat(starved.units()).as("all 30 are held").isZero();
            SendBudget.Grant told = a.sync(30, 5);
            assertThat(told.othersWanting()).isEqualTo(1);
            assertThat(told.fairShare()).isEqualTo(15);
            assertThat(told.units()).as("a holder above its share is granted nothing more").isEqualTo(30);
            assertThat(a.sync(20, 5).units()).as("it gave 10 back").isEqualTo(20);
            assertThat(b.sync(0, 30).units()).as("b takes what is free, up to its share").isEqualTo(10);
            assertThat(a.sync(15, 5).units()).isEqualTo(15);
            assertThat(b.sync(10, 30).units()).isEqualTo(15);
            assertThat(a.unitsTaken()).isEqualTo(30);
            assertThat(a.sync(15, 0).othersWanting()).isEqualTo(1);
            assertThat(a.sync(0, 0).units()).as("a has nothing waiting and gives everything back").isZero();
            assertThat(b.sync(15, 30).units()).as("then b may have the whole rate").isEqualTo(30);
        }
    }

    @Test
    void aHolderThatStopsSyncingKeepsItsUnitsForItsLeaseAndASecondMore() throws Exception {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "b.db")) {
            SendBudget dead = new SendBudget(db, 30, Duration.ofMillis(300));
            SendBudget live = new SendBudget(db, 30, Duration.ofMillis(300));
            assertThat(dead.sync(0, 30).units()).isEqualTo(30);
            long start = System.nanoTime();
            assertThat(live.sync(0, 30).units()).isZero();
            int units = 0;
            while (units == 0 && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
                Thread.sleep(50);
                units = live.sync(0, 30).units();
            }
            assertThat(units).isEqualTo(30);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("not before the dead holder's lease (0.3 s) and its last window (1 s) are over")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1300));
        }
    }

    @Test
    void holdersSyncingAtRandomNeverTogetherHoldMoreThanTheBudget() {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "b.db")) {
            List<SendBudget> holders = new ArrayList<>();
            int[] held = new int[4];
            for (int i = 0; i < held.length; i++) {
                holders.add(new SendBudget(db, 30, Duration.ofSeconds(30)));
            }
            Random random = new Random(15);
            for (int round = 0; round < 200; round++) {
                int i = random.nextInt(held.length);
                // a holder reports fewer units than it holds when it gives some back, never more
                int report = random.nextInt(4) == 0 ? random.nextInt(held[i] + 1) : held[i];
                held[i] = holders.get(i).sync(report, random.nextInt(3) == 0 ? 0 : random.nextInt(20)).units();
                assertThat(held[i]).isGreaterThanOrEqualTo(report);
                int sum = 0;
                for (int h : held) {
                    sum += h;
                }
                assertThat(sum).as("round %d: units held by all", round).isLessThanOrEqualTo(30);
                assertThat(holders.get(0).unitsTaken()).isEqualTo(sum);
            }
        }
    }
}
