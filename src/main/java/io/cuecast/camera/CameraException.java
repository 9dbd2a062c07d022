package io.cuecast.camera;

/** A frame source that cannot be opened or read. The message says which source and why. */
public class CameraException extends RuntimeException {
    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
