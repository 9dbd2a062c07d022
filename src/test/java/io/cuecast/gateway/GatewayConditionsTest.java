package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code conditions}: each operator, cutting lists to matching elements, and each validation error. */
class GatewayConditionsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'error'                              | error",
            "{'eq':'error'}                       | error",
            "{'ne':'info'}                        | warning error critical",
            "{'gt':'warning'}                     | error critical",
            "{'gte':'warning'}                    | warning error critical",
            "{'lt':'error'}                       | info warning",
            "{'lte':'error'}                      | info warning error",
            "{'in':['info','critical']}           | info critical",
            "{'gte':'warning','lt':'critical'}    | warning error"})
    void alertLevelsCompareInTheirOrder(String condition, String expected) {
        TestClient client = subscribed("alert", "{'conditions':{'level':" + condition + "}}");

        for (String level : StreamFields.ALERT_LEVELS) {
            gateway.publish(Stream.ALERT, alert(level, "operator"));
        }

        assertEquals(List.of(expected.split(" ")),
                client.ofType("alert").stream().map(m -> m.at("/data/level").asText()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'ball_count':2}                   | 2",
            "{'ball_count':{'eq':2.0}}          | 2",
            "{'ball_count':{'ne':2}}            | 1 3 4",
            "{'ball_count':{'gt':2}}            | 3 4",
            "{'ball_count':{'gte':2}}           | 2 3 4",
            "{'ball_count':{'lt':2.5}}          | 1 2",
            "{'ball_count':{'lte':3}}           | 1 2 3",
            "{'ball_count':{'in':[1,4,7]}}      | 1 4",
            "{'table.found':true}               | 2 4",
            "{'table.found':{'ne':true}}        | 1 3",
            "{'table.size':{'in':['9ft-pool']}} | 1 2 3 4",
            "{'ball_count':{'gt':1},'table.found':false} | 3"})
    void numbersBooleansAndTextCompareAsTheirType(String conditions, String expected) {
        TestClient client = subscribed("state", "{'conditions':" + conditions + "}");

        for (int count = 1; count <= 4; count++) {
            gateway.publish(Stream.STATE, state(count, count % 2 == 0, List.of()));
        }

        assertEquals(List.of(expected.split(" ")),
                client.ofType("state").stream().map(m -> m.at("/data/ball_count").asText()).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'speed':{'gt':10}}                       | 2 3",
            "{'type':'stripe'}                         | 3",
            "{'type':{'in':['cue','stripe']}}          | 1 3",
            "{'position.x':{'lt':500}}                 | 1 2",
            "{'speed':{'gte':50},'number':{'ne':11}}   | 2",
            "{'missed_frames':{'gt':5}}                | ''"})
    void whereKeepsOnlyTheMatchingElementsOfAList(String where, String expectedIds) {
        TestClient client = subscribed("state", "{'conditions':{'balls':{'where':" + where + "}}}");
        TestClient everything = subscribed("state", null);

        gateway.publish(Stream.STATE, state(3, true, List.of(
                ball(1, "cue", null, 100, 0, 0),
                ball(2, "solid", 3, 400, 30, 40),       // 50 mm/s
                ball(3, "stripe", 11, 900, 0, -200))));

        JsonNode data = client.last().get("data");
        List<String> ids = data.get("balls").findValuesAsText("id");
        assertEquals(expectedIds.isEmpty() ? List.of() : List.of(expectedIds.split(" ")), ids);
        assertEquals(3, data.get("ball_count").asInt(), "ball_count still counts the table's balls");
        assertEquals(3, everything.last().at("/data/balls").size(), "other clients get every ball");
        assertEquals(everything.last().get("sequence"), client.last().get("sequence"));
    }

    @Test
    void clientsWithTheSameConditionsShareOneTextAndOthersAreUntouched() {
        String moving = "{'conditions':{'balls':{'where':{'speed':{'gt':10}}}}}";
        TestClient a = subscribed("state", moving);
        TestClient b = subscribed("state", moving);
        // Another group (it also throttles) with the same cut: the same text as well.
        TestClient c = subscribed("state", "{'max_fps':5,'conditions':{'balls':{'where':{'speed':{'gt':10}}}}}");

        gateway.publish(Stream.STATE, state(2, true, List.of(ball(1, "cue", null, 100, 0, 0),
                ball(2, "eight", 8, 400, 300, 0))));

        assertSame(a.lastSentText(), b.lastSentText());
        assertSame(a.lastSentText(), c.lastSentText());
        assertEquals(1, a.last().at("/data/balls").size());
    }

    @Test
    void conditionsOnTheCueStickPassOnlyStatesWithSuchAStick() {
        TestClient client = subscribed("state", "{'conditions':{'cue.confidence':{'gte':0.5},'cue.tip.x':{'lt':1000}}}");

        gateway.publish(Stream.STATE, state(1, true, List.of()));
        for (double[] cue : new double[][] {{2, 0.9, 500}, {3, 0.3, 500}, {4, 0.8, 1500}, {5, 0.5, 999}}) {
            Map<String, Object> data = state((int) cue[0], true, List.of());
            data.put("cue", Map.of("confidence", cue[1], "tip", Map.of("x", cue[2], "y", 600.0)));
            gateway.publish(Stream.STATE, data);
        }

        assertEquals(List.of("2", "5"), client.ofType("state").stream().map(m -> m.at("/data/ball_count").asText()).toList(),
                "no stick (1), too unsure (3), tip too far (4)");
    }

    @Test
    void statusShowsTheConditionsAsSent() {
        TestClient client = subscribed("state", "{'min_fps':2,'conditions':{'ball_count':{'gte':3}}}");

        JsonNode filters = client.request("{'type':'get_status'}").at("/data/filters/state");

        assertEquals(3, filters.at("/conditions/ball_count/gte").asInt(), filters.toString());
        assertEquals(2.0, filters.get("min_fps").asDouble());
    }

    @Test
    void theLatestValueOnSubscribeAndReplaysMeetTheConditions() {
        for (int count = 1; count <= 4; count++) {
            gateway.publish(Stream.STATE, state(count, true, List.of()));
        }
        TestClient latest = new TestClient(gateway, "latest");
        latest.send("{'type':'subscribe','data':{'streams':['state'],'filters':{'state':{'conditions':{'ball_count':{'lt':3}}}}}}");
        assertEquals(List.of(), latest.ofType("state"), "the latest state (4 balls) does not meet ball_count < 3");

        TestClient resumed = new TestClient(gateway, "resumed");
        resumed.send("{'type':'subscribe','data':{'streams':['state'],'resume':{'state':0},"
                + "'filters':{'state':{'conditions':{'ball_count':{'ne':2}}}}}}");
        assertEquals(List.of(1L, 3L, 4L), resumed.sequences("state"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'state':{'conditions':{'colour':'red'}}}                | data.filters.state.conditions.colour names no field: 'state' has no field 'colour'; its fields are frame, captured_at_us, table, ball_count, balls, cue.",
            "{'state':{'conditions':{'table.colour':true}}}           | data.filters.state.conditions.table.colour names no field: 'table' has no field 'colour'; its fields are found, size, length_mm, width_mm, corners_px.",
            "{'state':{'conditions':{'frame.x':1}}}                   | data.filters.state.conditions.frame.x names no field: 'frame' is a number, which has no field 'x'.",
            "{'state':{'conditions':{'balls':{'where':{'spin':true}}}}} | data.filters.state.conditions.balls.where.spin names no field: 'balls[]' has no field 'spin'; its fields are id, type,",
            "{'state':{'conditions':{'balls':3}}}                     | data.filters.state.conditions.balls is a list; keep some of its elements with {\"where\"",
            "{'state':{'conditions':{'balls':{'where':{'id':1},'eq':2}}}} | data.filters.state.conditions.balls is a list",
            "{'state':{'conditions':{'balls.speed':3}}}               | data.filters.state.conditions.balls.speed: 'balls' is a list; name its elements' fields inside",
            "{'state':{'conditions':{'balls':{'where':{}}}}}          | data.filters.state.conditions.balls.where must be a non-empty object",
            "{'state':{'conditions':{'balls':{'where':{'position':1}}}}} | data.filters.state.conditions.balls.where.position is an object; name one of its fields instead (x, y)",
            "{'state':{'conditions':{'table':true}}}                  | data.filters.state.conditions.table is an object; name one of its fields instead",
            "{'state':{'conditions':{'ball_count':{}}}}               | data.filters.state.conditions.ball_count has no operator; use one or more of eq, ne, gt, gte, lt, lte, in.",
            "{'state':{'conditions':{'ball_count':{'above':3}}}}      | data.filters.state.conditions.ball_count has the unknown operator 'above'",
            "{'state':{'conditions':{'ball_count':{'gt':'3'}}}}       | data.filters.state.conditions.ball_count.gt must be a number, like the field 'ball_count', but it is '3'.",
            "{'state':{'conditions':{'ball_count':null}}}             | data.filters.state.conditions.ball_count must be a number, like the field 'ball_count', but it is null.",
            "{'state':{'conditions':{'table.found':{'gt':true}}}}     | data.filters.state.conditions.table.found.gt: 'gt' needs an ordered field, but 'found' is a boolean",
            "{'state':{'conditions':{'table.size':{'lt':'a'}}}}       | 'lt' needs an ordered field, but 'size' is a string",
            "{'state':{'conditions':{'balls':{'where':{'type':'spotted'}}}}} | data.filters.state.conditions.balls.where.type must be one of cue, eight, solid, stripe, white, red, yellow, green, brown, blue, pink, black, unknown, like the field 'type', but it is 'spotted'.",
            "{'state':{'conditions':{'ball_count':{'in':[]}}}}        | data.filters.state.conditions.ball_count.in must be a non-empty array of values, but it is an array.",
            "{'state':{'conditions':{'ball_count':{'in':3}}}}         | data.filters.state.conditions.ball_count.in must be a non-empty array of values, but it is a number.",
            "{'state':{'conditions':{'ball_count':{'in':[1,'x']}}}}   | data.filters.state.conditions.ball_count.in[1] must be a number",
            "{'alert':{'conditions':{'level':{'gte':'severe'}}}}      | data.filters.alert.conditions.level.gte must be one of info, warning, error, critical, like the field 'level', but it is 'severe'.",
            "{'events':{'conditions':{'kind':'x'}}}                   | data.filters.events.conditions: conditions are not available on 'events' yet, since its fields are not defined; streams that take conditions: state, trajectory, alert.",
            "{'events':{'min_fps':2}}                                 | data.filters.events.min_fps repeats the latest value, so it applies only to latest-value streams ([state]",
            "{'alert':{'min_fps':2}}                                  | data.filters.alert.min_fps repeats the latest value"})
    void badConditionsAreRefusedNamingThePathAndChangeNothing(String filters, String problem) {
        TestClient client = new TestClient(gateway, "c");

        JsonNode reply = client.request(
                "{'type':'subscribe','data':{'streams':['state','alert','events'],'filters':" + filters + "}}");

        GatewayFilterTest.assertRejected(reply, problem);
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
    }

    @Test
    void emptyConditionsFilterNothing() {
        TestClient client = subscribed("state", "{'conditions':{}}");

        gateway.publish(Stream.STATE, state(1, true, List.of()));

        assertEquals(1, client.ofType("state").size());
        assertEquals(Map.of(), gateway.subscriptions().filtersOf(client.session));
    }

    private int clients;

    private TestClient subscribed(String stream, String filter) {
        return new TestClient(gateway, "client-" + clients++)
                .subscribeTo(stream, filter == null ? null : "{'" + stream + "':" + filter + "}");
    }

    private static Map<String, Object> alert(String level, String source) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("level", level);
        alert.put("message", "m");
        alert.put("code", null);
        alert.put("details", Map.of("source", source));
        return alert;
    }

    private static Map<String, Object> state(int ballCount, boolean tableFound, List<Map<String, Object>> balls) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frame", 7);
        data.put("table", Map.of("found", tableFound, "size", "9ft-pool"));
        data.put("ball_count", ballCount);
        data.put("balls", balls);
        return data;
    }

    private static Map<String, Object> ball(int id, String type, Integer number, double x, double vx, double vy) {
        Map<String, Object> ball = new LinkedHashMap<>();
        ball.put("id", id);
        ball.put("type", type);
        ball.put("number", number);
        ball.put("position", Map.of("x", x, "y", 300.0));
        ball.put("velocity", Map.of("x", vx, "y", vy));
        ball.put("missed_frames", 0);
        return ball;
    }

}
