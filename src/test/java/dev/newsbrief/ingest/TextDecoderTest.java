package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private final TextDecoder decoder = new TextDecoder();

    @Test
    void utf8IsTakenAsIsWithoutItsBom() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Korea’s “talks”".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);
        TextDecoder.Decoded d = decoder.decode(both);
        assertThat(d.text()).isEqualTo("Korea’s “talks”");
        assertThat(d.note()).isNull();
    }

    @Test
    void latin1IsDecodedAsWindows1252AndSaysSo() throws Exception {
        byte[] latin1 = "Café in Zürich – “naïve”".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        TextDecoder.Decoded d = decoder.decode(latin1);
        assertThat(d.text()).isEqualTo("Café in Zürich – “naïve”");
        assertThat(d.note()).contains("not valid UTF-8").contains("windows-1252");
    }

    @Test
    void emptyAndBinaryAreRefused() {
        assertThatThrownBy(() -> decoder.decode(new byte[0])).hasMessage("empty");
        assertThatThrownBy(() -> decoder.decode(" \n\t".getBytes(StandardCharsets.US_ASCII))).hasMessage("empty");
        assertThatThrownBy(() -> decoder.decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1}))
                .hasMessage("binary content (not text)");
    }
}
