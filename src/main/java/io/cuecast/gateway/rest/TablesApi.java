package io.cuecast.gateway.rest;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.TableReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The REST API's bean for {@code /api/v1/tables}: each table this node serves, whether its state is
 * live, who watches it and where its streams stand. A gateway of a Kafka cluster reports every table
 * of the cluster, judged by what reached it from the vision nodes.
 */
public final class TablesApi {
    private final Gateway gateway;
    private final Duration staleAfter;
    private final Function<String, List<String>> visionNodesOf;

    /**
     * @param staleAfter    a table whose state has not been published for longer is DOWN
     * @param visionNodesOf the vision nodes that lately fed a table over Kafka; empty for none (as on a single node)
     */
    public TablesApi(Gateway gateway, Duration staleAfter, Function<String, List<String>> visionNodesOf) {
        this.gateway = gateway;
        this.staleAfter = staleAfter;
        this.visionNodesOf = visionNodesOf;
    }

    public List<TableReport> tables() {
        return gateway.tableReports(staleAfter).stream().map(report -> {
            List<String> nodes = visionNodesOf.apply(report.tableId());
            return nodes.isEmpty() ? report : report.fedBy(nodes);
        }).toList();
    }

    /** One table's report, or 404 with {@code {"error": "..."}} for an id that is not a table here. */
    public Object table(@Header("tableId") String tableId, Exchange exchange) {
        Optional<TableReport> found = tables().stream().filter(report -> report.tableId().equals(tableId)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
        return Map.of("error", "no table '" + tableId + "' here; the tables are " + gateway.tables());
    }
}
