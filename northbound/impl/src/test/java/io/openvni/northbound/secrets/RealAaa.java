package io.openvni.northbound.secrets;

import io.openvni.odl.SecretBox;
import java.nio.charset.StandardCharsets;
import org.opendaylight.aaa.encrypt.AAAEncryptionService;
import org.opendaylight.aaa.encrypt.impl.AAAEncryptionServiceImpl;
import org.opendaylight.yang.gen.v1.config.aaa.authn.encrypt.service.config.rev240202.EncryptServiceConfig;

/**
 * ODL AAA's own encryption service, configured like a Karaf installation's (AES/GCM, PBKDF2 key) with a test key.
 */
public final class RealAaa {
    private RealAaa() {
        // factory
    }

    /** A box over AAA's encryption service with the given key. */
    public static SecretBox box(final String key) {
        return new SecretBox(service(key));
    }

    /** AAA's encryption service with the given key. */
    public static AAAEncryptionService service(final String key) {
        return new AAAEncryptionServiceImpl(new Config(key, "AES/GCM/NoPadding"));
    }

    /**
     * AAA's encryption service configured with a cipher the JDK does not have, as a mistyped
     * {@code cipher-transforms} in {@code aaa-encrypt-service-config} would: it starts, and every encryption
     * fails.
     */
    public static AAAEncryptionService misconfigured(final String key) {
        return new AAAEncryptionServiceImpl(new Config(key, "AES/NOSUCHMODE/NoPadding"));
    }

    private record Config(String key, String cipherTransforms) implements EncryptServiceConfig {
        @Override
        public Class<EncryptServiceConfig> implementedInterface() {
            return EncryptServiceConfig.class;
        }

        @Override
        public String getEncryptKey() {
            return key;
        }

        @Override
        public byte[] getEncryptSalt() {
            return "openvni-test-salt".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getEncryptMethod() {
            return "PBKDF2WithHmacSHA1";
        }

        @Override
        public String getEncryptType() {
            return "AES";
        }

        @Override
        public Integer getEncryptIterationCount() {
            return 1024;
        }

        @Override
        public Integer getEncryptKeyLength() {
            return 128;
        }

        @Override
        public Integer getAuthTagLength() {
            return 128;
        }

        @Override
        public String getCipherTransforms() {
            return cipherTransforms;
        }
    }
}
