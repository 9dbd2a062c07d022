package io.cuecast.gateway;

/**
 * The {@code code} of an {@code error} reply. The first six are the original system's codes,
 * kept for its clients. After any error the connection stays open, except where noted.
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
    /** Over the configured size; rejected before parsing, and the connection is closed with 1009. */
    MESSAGE_TOO_LARGE,
    /** A text message that is not valid UTF-8; the connection is closed with 1007. */
    INVALID_UTF8,
    /** Valid JSON, but not an object with a string {@code type}. */
    INVALID_MESSAGE_FORMAT,
    /** Authentication is on and the client has not sent its {@code auth} yet; only auth, ping and pong count. */
    AUTH_REQUIRED,
    /** An {@code auth} from a client that is already authenticated; its identity stays as it was. */
    ALREADY_AUTHENTICATED,
    /** A subscribe to streams the client's token or key does not grant; no subscription was changed. */
    FORBIDDEN,
    /** An ack that is malformed, or names a stream that needs no acks; nothing was acknowledged. */
    INVALID_ACK_FORMAT,
    /** An ack of a sequence not awaiting this client's ack, or from the future; nothing was acknowledged. */
    UNKNOWN_ACK_SEQUENCE
}
