package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void encodedCursor_decodesToTheSameTimeAndRecordId() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-21T22:01:02.123456Z"), "id:with/odd chars ü");

        PageCursor decoded = PageCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode()).startsWith("cursor:").doesNotContain(" ", "/", "+", "=");
    }

    @Test
    void timesBefore1970_roundTrip() {
        PageCursor cursor = new PageCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), "r");

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void textThatIsNotACursor_isRefused() {
        assertThatThrownBy(() -> PageCursor.decode("2026-11-21 22:01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode("cursor:" + java.util.Base64.getUrlEncoder()
                .encodeToString("12".getBytes()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode("cursor:" + java.util.Base64.getUrlEncoder()
                .encodeToString("x:r".getBytes()))).isInstanceOf(IllegalArgumentException.class);
    }
}
