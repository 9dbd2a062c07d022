package io.cuecast.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.cuecast.gateway.Stream;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real tokens, minted with nimbus-jose-jwt, against the authenticator on a fixed clock. */
class JwtAuthenticatorTest {
    private static final KeyPair RSA = Tokens.rsaKeys();
    private final Instant now = Instant.parse("2026-11-25T20:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    private JwtAuthenticator hs256() {
        return new JwtAuthenticator(settings(Optional.of(Tokens.SECRET), Optional.empty(), Optional.empty(),
                Optional.empty()), clock);
    }

    private JwtAuthenticator rs256() {
        return new JwtAuthenticator(settings(Optional.empty(), Optional.of((RSAPublicKey) RSA.getPublic()),
                Optional.empty(), Optional.empty()), clock);
    }

    private static JwtSettings settings(Optional<String> secret, Optional<RSAPublicKey> key, Optional<String> issuer,
                                        Optional<String> audience) {
        return new JwtSettings(secret, key, issuer, audience, "streams", "admin", Duration.ofSeconds(60));
    }

    private JWTClaimsSet.Builder claims(String... streams) {
        return Tokens.claims("scoreboard-1", now, List.of(streams));
    }

    private static String refusal(Authenticator authenticator, String token) {
        return assertThrows(AuthenticationException.class, () -> authenticator.authenticate(token)).getMessage();
    }

    @Test
    void anHs256TokenNamesTheSubjectAndGrantsItsStreams() throws Exception {
        Principal principal = hs256().authenticate(Tokens.hs256(claims("state", "events").build()));

        assertEquals("scoreboard-1", principal.subject());
        assertEquals(EnumSet.of(Stream.STATE, Stream.EVENTS), principal.streams());
        assertFalse(principal.admin());
        assertEquals(now.plusSeconds(3600 + 60), principal.expiresAt(), "exp plus the clock skew");
        assertEquals(List.of(Stream.TRAJECTORY), principal.forbidden(List.of(Stream.STATE, Stream.TRAJECTORY)));
    }

    @Test
    void anRs256TokenIsVerifiedWithThePublicKey() throws Exception {
        Principal principal = rs256().authenticate(Tokens.rs256(claims("*").claim("admin", true).build(), RSA));

        assertEquals(EnumSet.allOf(Stream.class), principal.streams(), "* grants every stream");
        assertTrue(principal.admin());
    }

    @Test
    void aSingleStreamNameMayBeAString() throws Exception {
        Principal principal = hs256().authenticate(Tokens.hs256(claims().claim("streams", "state").build()));
        assertEquals(Set.of(Stream.STATE), principal.streams());
    }

    @Test
    void anExpiredTokenIsRefused() {
        // Past the 60 s allowed for clock skew.
        String token = Tokens.hs256(claims("state").expirationTime(Date.from(now.minusSeconds(61))).build());
        assertEquals("invalid token: Expired JWT", refusal(hs256(), token));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        String token = Tokens.hs256(claims("state").notBeforeTime(Date.from(now.plusSeconds(120))).build());
        assertEquals("invalid token: JWT before use time", refusal(hs256(), token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String otherSecret = Tokens.SECRET.replace('a', 'b');
        assertEquals("invalid token: Signed JWT rejected: Invalid signature",
                refusal(hs256(), Tokens.hs256(claims("state").build(), otherSecret)));
        assertEquals("invalid token: Signed JWT rejected: Invalid signature",
                refusal(rs256(), Tokens.rs256(claims("state").build(), Tokens.rsaKeys())));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(claims("*").build()).serialize();
        assertTrue(refusal(hs256(), none).contains("Unsecured (plain) JWTs are rejected"), refusal(hs256(), none));
    }

    @Test
    void anAlgorithmNotConfiguredIsRefused() throws Exception {
        MACSigner hs512 = Tokens.macSigner(Tokens.SECRET + Tokens.SECRET);
        String token = Tokens.sign(JWSAlgorithm.HS512, claims("state").build(), hs512);
        assertTrue(refusal(hs256(), token).contains("Another algorithm expected"), refusal(hs256(), token));
        // The classic confusion: an HS256 token "signed" with the RS256 public key as the secret.
        String confused = Tokens.sign(JWSAlgorithm.HS256, claims("*").build(),
                new MACSigner(RSA.getPublic().getEncoded()));
        assertTrue(refusal(rs256(), confused).contains("Another algorithm expected"), refusal(rs256(), confused));
    }

    @Test
    void eachRequiredClaimIsNeeded() {
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder(claims("state").build()).subject(null).build();
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(claims("state").build()).expirationTime(null).build();
        JWTClaimsSet noStreams = new JWTClaimsSet.Builder(claims("state").build()).claim("streams", null).build();

        assertEquals("invalid token: JWT missing required claims: [sub]", refusal(hs256(), Tokens.hs256(noSubject)));
        assertEquals("invalid token: JWT missing required claims: [exp]", refusal(hs256(), Tokens.hs256(noExpiry)));
        assertEquals("invalid token: JWT missing required claims: [streams]", refusal(hs256(), Tokens.hs256(noStreams)));
    }

    @Test
    void badStreamsAndAdminClaimsAreRefusedWithTheReason() {
        assertEquals("the token's streams claim names unknown stream(s) video, performance; streams are frame, state,"
                        + " trajectory, events, alert, config, metrics or * for all",
                refusal(hs256(), Tokens.hs256(claims("state", "video", "performance").build())));
        assertEquals("the token's streams claim must be a list of stream names or \"*\"",
                refusal(hs256(), Tokens.hs256(claims().claim("streams", 7).build())));
        assertEquals("the token's admin claim must be true or false",
                refusal(hs256(), Tokens.hs256(claims("state").claim("admin", "yes").build())));
    }

    @Test
    void theIssuerAndAudienceMustMatchWhenConfigured() throws Exception {
        JwtAuthenticator strict = new JwtAuthenticator(settings(Optional.of(Tokens.SECRET), Optional.empty(),
                Optional.of("https://id.example"), Optional.of("cuecast")), clock);
        JWTClaimsSet good = claims("state").issuer("https://id.example").audience("cuecast").build();

        assertEquals("scoreboard-1", strict.authenticate(Tokens.hs256(good)).subject());
        assertEquals("invalid token: JWT iss claim value rejected", refusal(strict, Tokens.hs256(new JWTClaimsSet.Builder(good).issuer("https://other.example").build())));
        assertEquals("invalid token: JWT aud claim rejected",
                refusal(strict, Tokens.hs256(new JWTClaimsSet.Builder(good).audience("elsewhere").build())));
        assertEquals("invalid token: JWT missing required aud claim",
                refusal(strict, Tokens.hs256(claims("state").build())));
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        assertTrue(refusal(hs256(), "not-a-token").startsWith("the token is not a JWT: "), refusal(hs256(), "not-a-token"));
    }

    @Test
    void bothKeysAcceptEitherAlgorithm() throws Exception {
        JwtAuthenticator both = new JwtAuthenticator(settings(Optional.of(Tokens.SECRET),
                Optional.of((RSAPublicKey) RSA.getPublic()), Optional.empty(), Optional.empty()), clock);
        assertEquals("scoreboard-1", both.authenticate(Tokens.hs256(claims("state").build())).subject());
        assertEquals("scoreboard-1", both.authenticate(Tokens.rs256(claims("state").build(), RSA)).subject());
    }

    @Test
    void weakKeysAndMissingKeysAreRefusedAtConstruction() {
        assertEquals("JWT authentication needs an HS256 secret or an RS256 public key",
                assertThrows(IllegalArgumentException.class, () -> settings(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())).getMessage());
        assertEquals("the HS256 secret is 5 bytes; it must be at least 32 (256 bits)",
                assertThrows(IllegalArgumentException.class, () -> settings(Optional.of("short"), Optional.empty(),
                        Optional.empty(), Optional.empty())).getMessage());
    }
}
