package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Set;

/**
 * What one client wants of one stream, as validated from {@code subscribe.data.filters}. Serializes
 * to the same wire shape, for the status reply. Clients with equal filters form one
 * {@link FilterGroup}: their messages are decided and encoded once for all of them.
 *
 * @param maxFps        at most this many messages a second, or null for all
 * @param includeFields the top-level {@code data} keys to keep, or null for all
 * @param excludeFields the top-level {@code data} keys to leave out, or null for none
 * @param minFps        at least this many a second: the latest value is repeated while the stream is quieter; or null
 * @param conditions    what a message must meet, and which list elements to keep; or null for everything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamFilter(@JsonProperty("max_fps") Double maxFps,
                           @JsonProperty("include_fields") List<String> includeFields,
                           @JsonProperty("exclude_fields") List<String> excludeFields,
                           @JsonProperty("min_fps") Double minFps,
                           @JsonProperty("conditions") Conditions conditions) {

    static final StreamFilter NONE = new StreamFilter(null, null, null);

    public StreamFilter {
        includeFields = includeFields == null ? null : List.copyOf(includeFields);
        excludeFields = excludeFields == null ? null : List.copyOf(excludeFields);
    }

    /** Throttling and field selection only. */
    public StreamFilter(Double maxFps, List<String> includeFields, List<String> excludeFields) {
        this(maxFps, includeFields, excludeFields, null, null);
    }

    @JsonIgnore
    FieldSelection fields() {
        return new FieldSelection(includeFields == null ? null : Set.copyOf(includeFields),
                excludeFields == null ? Set.of() : Set.copyOf(excludeFields));
    }

    /** The conditions, {@link Conditions#NONE} when there are none. */
    @JsonIgnore
    Conditions conditionsOrNone() {
        return conditions == null ? Conditions.NONE : conditions;
    }

    /** How a message's text is cut for this filter: groups with the same shape share one text. */
    @JsonIgnore
    MessageShape shape() {
        return new MessageShape(fields(), conditionsOrNone().cuts());
    }
}
