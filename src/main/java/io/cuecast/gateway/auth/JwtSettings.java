package io.cuecast.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What JWT authentication checks. At least one key; both accept either algorithm.
 *
 * @param hs256Secret    the shared HMAC secret, at least 32 UTF-8 bytes (256 bits, as RFC 7518 asks)
 * @param rs256PublicKey the issuer's RSA public key, at least 2048 bits
 * @param issuer         when present, the {@code iss} a token must carry
 * @param audience       when present, a value the token's {@code aud} must contain
 * @param streamsClaim   the claim listing the streams the token grants
 * @param adminClaim     the boolean claim granting the admin role
 * @param clockSkew      how far {@code exp} and {@code nbf} may be off, for clocks that disagree
 */
public record JwtSettings(Optional<String> hs256Secret, Optional<RSAPublicKey> rs256PublicKey,
                          Optional<String> issuer, Optional<String> audience, String streamsClaim,
                          String adminClaim, Duration clockSkew) {

    public static final int MIN_SECRET_BYTES = 32;
    public static final int MIN_RSA_BITS = 2048;

    public JwtSettings {
        if (hs256Secret.isEmpty() && rs256PublicKey.isEmpty()) {
            throw new IllegalArgumentException("JWT authentication needs an HS256 secret or an RS256 public key");
        }
        hs256Secret.ifPresent(secret -> {
            int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the HS256 secret is " + bytes + " bytes; it must be at least "
                        + MIN_SECRET_BYTES + " (256 bits)");
            }
        });
        rs256PublicKey.ifPresent(key -> {
            if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new IllegalArgumentException("the RS256 public key has " + key.getModulus().bitLength()
                        + " bits; it must have at least " + MIN_RSA_BITS);
            }
        });
        if (streamsClaim == null || streamsClaim.isBlank() || adminClaim == null || adminClaim.isBlank()) {
            throw new IllegalArgumentException("the streams and admin claim names must not be blank");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("the clock skew must not be negative, was " + clockSkew);
        }
    }

    /** For logs: the algorithms and checks, never the secret. */
    String describe() {
        List<String> parts = new ArrayList<>();
        hs256Secret.ifPresent(secret -> parts.add("HS256"));
        rs256PublicKey.ifPresent(key -> parts.add("RS256"));
        issuer.ifPresent(iss -> parts.add("iss " + iss));
        audience.ifPresent(aud -> parts.add("aud " + aud));
        parts.add("streams claim '" + streamsClaim + "'");
        return String.join(", ", parts);
    }
}
