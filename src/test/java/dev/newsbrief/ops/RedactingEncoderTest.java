package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RedactingEncoderTest {
    private static final String TOKEN = "5550001234:AAF9xQ2mLk-7pRt_Zv3YwBn8HcJd4EsUo1K";
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private RedactingEncoder encoder;
    private Logger logger;

    @BeforeEach
    void setUp() {
        LoggerContext context = new LoggerContext();
        // the SLF4J MDC, so MDC.put in the test reaches this context's events
        context.setMDCAdapter(MDC.getMDCAdapter());
        encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level [chat=%X{chat_id:--} cmd=%X{command:--}] %msg%n%ex");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(sink);
        appender.start();
        logger = context.getLogger("test");
        logger.addAppender(appender);
    }

    private String output() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void redactsTokenInMessagesArgumentsAndExceptionTraces() {
        // the shape of what an HTTP client throws: the request URL, token included, in the message
        IOException fromClient = new IOException("connect timed out: https://api.telegram.org/bot" + TOKEN + "/getMe",
                new IllegalStateException("retrying bot" + TOKEN));
        logger.warn("send failed for {}", "https://api.telegram.org/bot" + TOKEN + "/sendMessage", fromClient);
        logger.info("token is " + TOKEN);

        assertThat(output()).doesNotContain(TOKEN).doesNotContain("AAF9xQ2mLk")
                .contains("https://api.telegram.org/bot****/sendMessage")
                .contains("java.io.IOException: connect timed out: https://api.telegram.org/bot****/getMe")
                .contains("retrying bot****").contains("token is ****");
    }

    @Test
    void redactsSecretsAddedAtStartUp() {
        encoder.addSecret("hunter2-but-longer");
        logger.info("password hunter2-but-longer rejected");
        assertThat(output()).contains("password **** rejected").doesNotContain("hunter2");
    }

    @Test
    void textLinesCarryChatAndCommandFromTheMdc() {
        MDC.put("chat_id", "42");
        MDC.put("command", "ask");
        try {
            logger.info("answered in {} ms", 12);
        } finally {
            MDC.clear();
        }
        logger.info("idle");
        assertThat(output()).contains("INFO  [chat=42 cmd=ask] answered in 12 ms")
                .contains("INFO  [chat=- cmd=-] idle");
    }

    @Test
    void jsonFormatWritesOneRedactedObjectPerLine() throws Exception {
        encoder.switchFormat("json");
        MDC.put("chat_id", "42");
        try {
            logger.error("poll failed", new IOException("https://api.telegram.org/bot" + TOKEN + "/getUpdates"));
        } finally {
            MDC.clear();
        }
        logger.info("second");
        String[] lines = output().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("level").asText()).isEqualTo("ERROR");
        assertThat(first.get("message").asText()).isEqualTo("poll failed");
        assertThat(first.get("mdc").get("chat_id").asText()).isEqualTo("42");
        assertThat(first.get("throwable").toString()).contains("bot****/getUpdates").doesNotContain(TOKEN);
        assertThat(new ObjectMapper().readTree(lines[1]).get("message").asText()).isEqualTo("second");
    }
}
