package io.cuecast.gateway;

/**
 * One table's stream: what a sequence numbers and a history keeps. Messages on different tables'
 * streams are numbered and ordered independently.
 */
record TableStream(String table, Stream stream) {

    /** For messages to people: "alert on table main". */
    String describe() {
        return stream.wireName() + " on table " + table;
    }

    @Override
    public String toString() {
        return table + "/" + stream.wireName();
    }
}
