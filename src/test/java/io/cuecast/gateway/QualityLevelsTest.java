package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the frame stream's quality levels from configuration, and the sizes they give. */
class QualityLevelsTest {

    @Test
    void theDefaultsAreLowMediumHighAndFullWithMediumForClientsThatNameNone() {
        QualityLevels levels = QualityLevels.defaults();

        assertEquals(List.of("low", "medium", "high", "full"), levels.names());
        assertEquals("medium", levels.defaultLevel().name());
        assertEquals(320, levels.named("low").orElseThrow().widthFor(1280));
        assertEquals(1280, levels.named("full").orElseThrow().widthFor(1280), "0 keeps the camera's width");
        assertEquals(800, levels.named("high").orElseThrow().widthFor(800), "never scaled up");
    }

    @Test
    void entriesAreNameWidthQualityInTheOrderGiven() {
        List<QualityLevel> levels = QualityLevels.parseLevels(" thumb:160:40 ,raw:0:95");

        assertEquals(List.of(new QualityLevel("thumb", 160, 40), new QualityLevel("raw", 0, 95)), levels);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "low:320                      | 'low:320' is not name:max-width:jpeg-quality",
            "low:wide:50                  | needs whole numbers",
            "low:320:0                    | the JPEG quality must be 1-100",
            "low:320:101                  | the JPEG quality must be 1-100",
            "low:-1:50                    | the width must be 0 (the camera's) or more",
            "Low:320:50                   | lower-case letters",
            "'low:320:50, low:640:70'     | quality level names must differ"})
    void aBadEntryIsRefusedSayingWhy(String spec, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QualityLevels.withDefault(QualityLevels.parseLevels(spec), "low"));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void theDefaultMustBeOneOfTheLevels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QualityLevels.withDefault(QualityLevels.parseLevels("low:320:50"), "medium"));
        assertEquals("the default quality level 'medium' is not one of [low]", e.getMessage());
    }
}
