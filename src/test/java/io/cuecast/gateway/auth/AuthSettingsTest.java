package io.cuecast.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cuecast.gateway.auth.* as the application does, from a map standing in for the properties. */
class AuthSettingsTest {
    private static final KeyPair RSA = Tokens.rsaKeys();
    private final Map<String, String> properties = new HashMap<>();
    private final Clock clock = Clock.systemUTC();

    private AuthSettings read() {
        return AuthSettings.from(new Settings(key -> Optional.ofNullable(properties.get(key))), clock);
    }

    private String refusal() {
        return assertThrows(ConfigException.class, this::read).getMessage();
    }

    @Test
    void openIsTheDefault() {
        AuthSettings auth = read();
        assertSame(Authenticator.OPEN, auth.authenticator());
        assertFalse(auth.authenticator().required());
        assertEquals(Duration.ofSeconds(10), auth.timeout());
    }

    @Test
    void apiKeyModeReadsTheKeysAndTheTimeout() throws Exception {
        properties.put("cuecast.gateway.auth.mode", "api-key");
        properties.put("cuecast.gateway.auth.api-keys", "wall:wall-0123456789abcdef:state");
        properties.put("cuecast.gateway.auth.timeout-seconds", "3");
        AuthSettings auth = read();
        assertEquals("wall", auth.authenticator().authenticate("wall-0123456789abcdef").subject());
        assertEquals(Duration.ofSeconds(3), auth.timeout());
    }

    @Test
    void jwtModeTakesAnInlinePemEvenOnOneLine() throws Exception {
        properties.put("cuecast.gateway.auth.mode", "jwt");
        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", Tokens.pem(RSA).replace("\n", ""));
        String token = Tokens.rs256(Tokens.claims("wall", Instant.now(), List.of("state")).build(), RSA);
        assertEquals("wall", read().authenticator().authenticate(token).subject());
    }

    @Test
    void jwtModeTakesThePathOfAPemFile(@TempDir Path folder) throws Exception {
        Path pem = Files.writeString(folder.resolve("issuer.pem"), Tokens.pem(RSA));
        properties.put("cuecast.gateway.auth.mode", "JWT");
        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", pem.toString());
        properties.put("cuecast.gateway.auth.jwt.streams-claim", "cuecast_streams");
        String token = Tokens.rs256(Tokens.claims("wall", Instant.now(), List.of())
                .claim("cuecast_streams", List.of("*")).build(), RSA);
        assertTrue(read().authenticator().authenticate(token).streams().size() > 1);
    }

    @Test
    void badValuesNameTheKeyAndNeverTheSecret() {
        properties.put("cuecast.gateway.auth.mode", "password");
        assertEquals("config key 'cuecast.gateway.auth.mode' is 'password', but must be open, api-key or jwt", refusal());

        properties.put("cuecast.gateway.auth.mode", "api-key");
        assertTrue(refusal().startsWith("config key 'cuecast.gateway.auth.api-keys' lists no key"), refusal());

        properties.put("cuecast.gateway.auth.mode", "jwt");
        assertEquals("config keys 'cuecast.gateway.auth.jwt.*': JWT authentication needs an HS256 secret or an RS256"
                + " public key", refusal());

        properties.put("cuecast.gateway.auth.jwt.hs256-secret", "hunter2");
        assertEquals("config keys 'cuecast.gateway.auth.jwt.*': the HS256 secret is 7 bytes; it must be at least 32"
                + " (256 bits)", refusal());

        properties.put("cuecast.gateway.auth.jwt.hs256-secret", Tokens.SECRET);
        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", "/no/such/issuer.pem");
        assertTrue(refusal().startsWith("config key 'cuecast.gateway.auth.jwt.rs256-public-key' is neither a PEM"
                + " public key (-----BEGIN PUBLIC KEY----- ...) nor a readable file"), refusal());

        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", "-----BEGIN PUBLIC KEY-----AAAA-----END PUBLIC KEY-----");
        assertTrue(refusal().startsWith("config key 'cuecast.gateway.auth.jwt.rs256-public-key' holds no usable RSA"
                + " public key"), refusal());

        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", Tokens.pem(RSA));
        properties.put("cuecast.gateway.auth.timeout-seconds", "0");
        assertTrue(refusal().startsWith("config key 'cuecast.gateway.auth.timeout-seconds' is '0'"), refusal());

        properties.remove("cuecast.gateway.auth.timeout-seconds");
        assertInstanceOf(JwtAuthenticator.class, read().authenticator());
    }

    @Test
    void aWeakRsaKeyIsRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        properties.put("cuecast.gateway.auth.mode", "jwt");
        properties.put("cuecast.gateway.auth.jwt.rs256-public-key", Tokens.pem(generator.generateKeyPair()));
        assertEquals("config keys 'cuecast.gateway.auth.jwt.*': the RS256 public key has 1024 bits; it must have at"
                + " least 2048", refusal());
    }
}
