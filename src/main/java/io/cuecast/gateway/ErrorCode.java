package io.cuecast.gateway;

/**
 * The {@code code} of an {@code error} reply. The first six are the original system's codes,
 * kept for its clients. After any error the connection stays open.
 */
enum ErrorCode {
    /** Over the per-connection message limit; the message was not processed. */
    RATE_LIMIT,
    /** The message is not valid JSON. */
    INVALID_JSON,
    /** The {@code type} is not one the server handles. */
    UNKNOWN_MESSAGE_TYPE,
    /** A subscribe with a malformed body or an unknown stream; no subscription was changed. */
    INVALID_SUBSCRIBE_FORMAT,
    /** An unsubscribe with a malformed body or an unknown stream; no subscription was changed. */
    INVALID_UNSUBSCRIBE_FORMAT,
    /** The server failed while handling a valid message. */
    MESSAGE_HANDLER_ERROR,
    /** Over the configured size; rejected before parsing. */
    MESSAGE_TOO_LARGE,
    /** Valid JSON, but not an object with a string {@code type}. */
    INVALID_MESSAGE_FORMAT,
    /** An ack that is malformed, or names a stream that needs no acks; nothing was acknowledged. */
    INVALID_ACK_FORMAT,
    /** An ack of a sequence not awaiting this client's ack, or from the future; nothing was acknowledged. */
    UNKNOWN_ACK_SEQUENCE
}
