package io.cuecast.gateway;

/** A client message the gateway refuses, with the error reply to send. Not a server fault. */
final class RequestRejected extends RuntimeException {

    private final ErrorCode code;

    RequestRejected(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
