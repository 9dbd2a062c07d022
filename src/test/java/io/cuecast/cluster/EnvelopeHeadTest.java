package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnvelopeHeadTest {

    @Test
    void readsTheSequenceWhereverItIsAndSkipsNestedOnes() {
        assertEquals(412, EnvelopeHead.sequenceOf(
                "{\"type\":\"state\",\"table_id\":\"main\",\"sequence\":412,\"data\":{\"sequence\":1}}"));
        assertEquals(7, EnvelopeHead.sequenceOf("{\"data\":{\"sequence\":1,\"x\":[1,2]},\"sequence\":7}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1,2]|a stream message is a JSON object",
            "{\"type\":\"state\"}|a stream message has a sequence",
            "{\"sequence\":0}|a stream message's sequence is a whole number from 1",
            "{\"sequence\":\"5\"}|a stream message's sequence is a whole number from 1",
            "{\"sequence\":|a stream message is JSON: "})
    void refusesWhatIsNotANumberedMessage(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvelopeHead.sequenceOf(json));
        assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())));
    }
}
