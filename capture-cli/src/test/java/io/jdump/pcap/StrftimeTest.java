package io.jdump.pcap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected texts are {@code TZ=zone date -d @epoch +FORMAT} (GNU date, glibc strftime). */
class StrftimeTest {
    private static final String ALL = "%Y|%m|%d|%H|%M|%S|%y|%j|%a|%A|%b|%B|%e|%p|%s|%z|%Z|%F|%T|%D|%%|%Q|x%";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;          UTC; 1970|01|01|00|00|00|70|001|Thu|Thursday|Jan|January| 1|AM|0|+0000|UTC|1970-01-01|00:00:00|01/01/70|%|%Q|x%",
        "1795760130; UTC; 2026|11|27|06|15|30|26|331|Fri|Friday|Nov|November|27|AM|1795760130|+0000|UTC|2026-11-27|06:15:30|11/27/26|%|%Q|x%",
        "951868799;  UTC; 2000|02|29|23|59|59|00|060|Tue|Tuesday|Feb|February|29|PM|951868799|+0000|UTC|2000-02-29|23:59:59|02/29/00|%|%Q|x%",
        "1783000000; Europe/Berlin; 2026|07|02|15|46|40|26|183|Thu|Thursday|Jul|July| 2|PM|1783000000|+0200|CEST|2026-07-02|15:46:40|07/02/26|%|%Q|x%",
        "1795760130; America/New_York; 2026|11|27|01|15|30|26|331|Fri|Friday|Nov|November|27|AM|1795760130|-0500|EST|2026-11-27|01:15:30|11/27/26|%|%Q|x%",
    })
    void formatsAsGlibc(long epoch, String zone, String expected) {
        assertEquals(expected, Strftime.format(ALL, Instant.ofEpochSecond(epoch).atZone(ZoneId.of(zone))));
    }
}
