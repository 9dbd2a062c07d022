package io.cuecast.ops.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The REST API's bean under {@code /api/v1/dead-letters} (routes/dead-letters-api.camel.yaml). Bad
 * parameters get 400, unknown ids 404, a letter that cannot be replayed 409, each with
 * {@code {"error": "..."}}.
 */
public final class DeadLetterApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;

    public DeadLetterApi(DeadLetterStore store, DeadLetterReplayer replayer) {
        this.store = store;
        this.replayer = replayer;
    }

    /** {@code GET /api/v1/dead-letters?route=&cause=&status=&since=&limit=}: summaries, oldest first. */
    public Object list(Exchange exchange) {
        return withFilter(exchange, filter -> {
            List<JsonNode> letters = store.list(filter).stream().<JsonNode>map(DeadLetterJson::toJson).toList();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("count", letters.size());
            answer.put("pending", store.count(DeadLetterStatus.PENDING));
            answer.put("dead_letters", letters);
            return answer;
        });
    }

    /** {@code GET /api/v1/dead-letters/{id}}: the whole letter, body in base64. */
    public Object show(@Header("id") String id, Exchange exchange) {
        return store.get(id).<Object>map(DeadLetterJson::toJson)
                .orElseGet(() -> error(exchange, 404, "no dead letter with id '" + id + "'"));
    }

    /** {@code POST /api/v1/dead-letters/{id}/replay}. */
    public Object replay(@Header("id") String id, Exchange exchange) {
        ReplayOutcome outcome = replayer.replay(id);
        switch (outcome.result()) {
            case NOT_FOUND -> exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            case REFUSED -> exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 409);
            default -> { }
        }
        return view(outcome);
    }

    /**
     * {@code POST /api/v1/dead-letters/replay}: the letters named in {@code {"ids": [...]}}, or else
     * the pending ones the query's filter selects; one outcome each, in order.
     */
    public Object replayMany(@Body Object body, Exchange exchange) {
        List<String> ids;
        try {
            ids = idsIn(body);
            if (ids == null) {
                DeadLetterFilter filter = filterOf(exchange);
                DeadLetterFilter pending = new DeadLetterFilter(filter.route(), filter.cause(),
                        DeadLetterStatus.PENDING, filter.since(), filter.limit());
                ids = store.list(pending).stream().map(DeadLetter::id).toList();
            }
        } catch (IllegalArgumentException e) {
            return error(exchange, 400, e.getMessage());
        }
        List<Map<String, Object>> outcomes = ids.stream().map(replayer::replay).map(DeadLetterApi::view).toList();
        return Map.of("count", outcomes.size(), "outcomes", outcomes);
    }

    /** {@code DELETE /api/v1/dead-letters/{id}}: marks it purged. */
    public Object purge(@Header("id") String id, Exchange exchange) {
        return store.purge(id).<Object>map(DeadLetterJson::toJson)
                .orElseGet(() -> error(exchange, 404, "no dead letter with id '" + id + "'"));
    }

    /**
     * {@code DELETE /api/v1/dead-letters?route=&cause=&status=&since=&limit=}: purges what the filter
     * selects. At least one of route, cause, status, since is required, so that a bare DELETE cannot
     * empty the store.
     */
    public Object purgeMany(Exchange exchange) {
        return withFilter(exchange, filter -> {
            if (!filter.selectsSomething()) {
                return error(exchange, 400, "say which letters to purge: route, cause, status or since");
            }
            List<String> purged = new ArrayList<>();
            for (DeadLetter letter : store.list(filter)) {
                if (letter.status() != DeadLetterStatus.PURGED) {
                    store.purge(letter.id()).ifPresent(p -> purged.add(p.id()));
                }
            }
            return Map.of("count", purged.size(), "purged", purged);
        });
    }

    /** The action's answer for the query's filter, or 400 saying what is wrong with it. */
    private static Object withFilter(Exchange exchange, Function<DeadLetterFilter, Object> action) {
        DeadLetterFilter filter;
        try {
            filter = filterOf(exchange);
        } catch (IllegalArgumentException e) {
            return error(exchange, 400, e.getMessage());
        }
        return action.apply(filter);
    }

    private static DeadLetterFilter filterOf(Exchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        for (String name : DeadLetterFilter.PARAMETERS) {
            parameters.put(name, exchange.getMessage().getHeader(name, String.class));
        }
        return DeadLetterFilter.parse(parameters);
    }

    /** The ids in {@code {"ids": [...]}}; null when the body has none (an empty body: use the filter). */
    private static List<String> idsIn(Object body) {
        if (body == null || (body instanceof String text && text.isBlank())) {
            return null;
        }
        JsonNode request;
        try {
            request = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the body must be {\"ids\": [\"...\"]} or empty, and is not JSON");
        }
        JsonNode ids = request.get("ids");
        if (ids == null) {
            return null;
        }
        if (!ids.isArray() || ids.isEmpty()) {
            throw new IllegalArgumentException("\"ids\" must be a non-empty list of dead-letter ids");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException("\"ids\" must hold strings, not " + id);
            }
            list.add(id.asText());
        }
        return list;
    }

    private static Map<String, Object> view(ReplayOutcome outcome) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", outcome.id());
        view.put("result", outcome.result().name().toLowerCase(Locale.ROOT));
        if (outcome.reason() != null) {
            view.put("error", outcome.reason());
        }
        if (outcome.letter() != null) {
            view.put("dead_letter", DeadLetterJson.toJson(outcome.letter()));
        }
        return view;
    }

    private static Map<String, Object> error(Exchange exchange, int status, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", why);
    }
}
