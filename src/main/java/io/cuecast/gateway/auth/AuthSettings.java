package io.cuecast.gateway.auth;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the gateway authenticates clients: the authenticator, and how long a client that connected
 * without a token has to send its {@code auth} message.
 */
public record AuthSettings(Authenticator authenticator, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final String PREFIX = "cuecast.gateway.auth.";
    private static final Logger LOG = LoggerFactory.getLogger(AuthSettings.class);
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    public AuthSettings {
        if (authenticator == null) {
            throw new IllegalArgumentException("authenticator must not be null");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the authentication timeout must be positive, was " + timeout);
        }
    }

    /** Today's behaviour: no authentication. */
    public static AuthSettings open() {
        return new AuthSettings(Authenticator.OPEN, DEFAULT_TIMEOUT);
    }

    /**
     * Reads {@code cuecast.gateway.auth.*}: {@code mode} (open, api-key or jwt), {@code timeout-seconds},
     * {@code api-keys}, and {@code jwt.*}.
     *
     * @throws ConfigException naming the key at fault (and never quoting a secret)
     */
    public static AuthSettings from(Settings settings, Clock clock) {
        String mode = settings.string(PREFIX + "mode", "open").toLowerCase(Locale.ROOT);
        Duration timeout = Duration.ofSeconds(settings.integer(PREFIX + "timeout-seconds",
                (int) DEFAULT_TIMEOUT.toSeconds(), 1, 3600));
        Authenticator authenticator = switch (mode) {
            case "open" -> {
                warnIfKeysAreIgnored(settings);
                yield Authenticator.OPEN;
            }
            case "api-key" -> ApiKeyAuthenticator.parse(PREFIX + "api-keys", settings.string(PREFIX + "api-keys", ""));
            case "jwt" -> new JwtAuthenticator(jwtSettings(settings), clock);
            default -> throw new ConfigException("config key '" + PREFIX + "mode' is '" + mode
                    + "', but must be open, api-key or jwt");
        };
        return new AuthSettings(authenticator, timeout);
    }

    private static JwtSettings jwtSettings(Settings settings) {
        String jwt = PREFIX + "jwt.";
        Optional<RSAPublicKey> publicKey = settings.optional(jwt + "rs256-public-key")
                .map(value -> rsaPublicKey(jwt + "rs256-public-key", value));
        try {
            return new JwtSettings(settings.optional(jwt + "hs256-secret"), publicKey,
                    settings.optional(jwt + "issuer"), settings.optional(jwt + "audience"),
                    settings.string(jwt + "streams-claim", "streams"), settings.string(jwt + "admin-claim", "admin"),
                    Duration.ofSeconds(settings.integer(jwt + "clock-skew-seconds", 60, 0, 3600)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config keys '" + jwt + "*': " + e.getMessage(), e);
        }
    }

    /** A PEM {@code PUBLIC KEY} given inline (newlines optional) or as the path of a file holding one. */
    static RSAPublicKey rsaPublicKey(String key, String value) {
        String pem = value;
        if (!value.startsWith(PEM_BEGIN)) {
            try {
                pem = Files.readString(Path.of(value)).trim();
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("config key '" + key + "' is neither a PEM public key (" + PEM_BEGIN
                        + " ...) nor a readable file: " + e.getMessage(), e);
            }
        }
        if (!pem.startsWith(PEM_BEGIN) || !pem.endsWith(PEM_END)) {
            throw new ConfigException("config key '" + key + "' must hold an RSA public key in PEM, between "
                    + PEM_BEGIN + " and " + PEM_END + " (openssl rsa -pubout writes one)");
        }
        String base64 = pem.substring(PEM_BEGIN.length(), pem.length() - PEM_END.length()).replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException("config key '" + key + "' holds no usable RSA public key: " + e.getMessage(), e);
        }
    }

    /** A key configured but ignored is likely a forgotten mode: say so rather than run open silently. */
    private static void warnIfKeysAreIgnored(Settings settings) {
        for (String key : new String[] {"api-keys", "jwt.hs256-secret", "jwt.rs256-public-key"}) {
            if (settings.optional(PREFIX + key).isPresent()) {
                LOG.warn("{}{} is set but {}mode is open: clients are not authenticated", PREFIX, key, PREFIX);
            }
        }
    }
}
