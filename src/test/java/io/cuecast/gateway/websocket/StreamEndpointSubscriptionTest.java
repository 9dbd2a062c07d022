package io.cuecast.gateway.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A per-stream endpoint's query becomes the subscribe a multiplexed client would send. */
class StreamEndpointSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void conditionsAreReadAsJsonBesideTheOtherFilters() throws Exception {
        String conditions = URLEncoder.encode("{\"balls\":{\"where\":{\"speed\":{\"gt\":20}}}}", StandardCharsets.UTF_8);

        JsonNode filter = filterOf("max_fps=10&min_fps=2&include_fields=balls,frame&conditions=" + conditions);

        assertEquals(JSON.readTree("{\"max_fps\":10.0,\"min_fps\":2.0,\"include_fields\":[\"balls\",\"frame\"],"
                + "\"conditions\":{\"balls\":{\"where\":{\"speed\":{\"gt\":20}}}}}"), filter);
    }

    @Test
    void conditionsThatAreNotJsonStayTextForTheFilterCheckToRefuse() throws Exception {
        assertEquals("moving", filterOf("conditions=moving").get("conditions").textValue());
        assertEquals("", filterOf("conditions=").get("conditions").textValue());
    }

    @Test
    void tablesComeRepeatedOrCommaSeparatedAndAreNoFilter() throws Exception {
        JsonNode data = JSON.readTree(StreamEndpointSubscription.subscribeMessage("state",
                "table=t3&tables=t7,%20t9&table=t3&max_fps=5")).get("data");

        assertEquals(JSON.readTree("[\"t3\",\"t7\",\"t9\"]"), data.get("tables"));
        assertEquals(JSON.readTree("{\"state\":{\"max_fps\":5.0}}"), data.get("filters"));
        assertEquals(null, JSON.readTree(StreamEndpointSubscription.subscribeMessage("state", "")).at("/data").get("tables"),
                "no table named: every table");
    }

    private static JsonNode filterOf(String query) throws Exception {
        return JSON.readTree(StreamEndpointSubscription.subscribeMessage("state", query)).at("/data/filters/state");
    }
}
