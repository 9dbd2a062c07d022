package io.cuecast.gateway.rest;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.TableReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /** @param staleAfter a table whose state has not been published for longer is DOWN */
    public TablesApi(Gateway gateway, Duration staleAfter) {
        this.gateway = gateway;
        this.staleAfter = staleAfter;
    }

    public List<TableReport> tables() {
        return gateway.tableReports(staleAfter);
    }

    /** One table's report, or 404 with {@code {"error": "..."}} for an id that is not a table here. */
    public Object table(@Header("tableId") String tableId, Exchange exchange) {
        return tables().stream().filter(report -> report.tableId().equals(tableId)).<Object>map(report -> report)
                .findFirst().orElseGet(() -> {
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
                    return Map.of("error", "no table '" + tableId + "' here; the tables are " + gateway.tables());
                });
    }
}
