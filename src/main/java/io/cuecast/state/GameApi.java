package io.cuecast.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The game API's bean under {@code /api/v1/game} (routes/game-api.camel.yaml): the latest published
 * state and the recent events, each with its sequence on its WebSocket stream.
 */
public final class GameApi {
    private final GameRecord record;

    public GameApi(GameRecord record) {
        this.record = record;
    }

    /** {@code GET /api/v1/game/state}: 503 until the first state is published. */
    public Object state(Exchange exchange) {
        return record.latestState().<Object>map(state -> state)
                .orElseGet(() -> error(exchange, 503, "no state published yet"));
    }

    /** {@code GET /api/v1/game/events?since=SEQ}: the kept events after SEQ (all kept when left out). */
    public Object events(@Header("since") String since, Exchange exchange) {
        long after;
        try {
            after = since == null || since.isBlank() ? 0 : Long.parseLong(since.trim());
        } catch (NumberFormatException e) {
            return error(exchange, 400, "since must be a whole number (an events sequence), not '" + since + "'");
        }
        if (after < 0) {
            return error(exchange, 400, "since must be 0 or more, not " + after);
        }
        List<Map<String, Object>> events = record.eventsSince(after);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", events.size());
        answer.put("events", events);
        return answer;
    }

    private static Map<String, Object> error(Exchange exchange, int status, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", why);
    }
}
