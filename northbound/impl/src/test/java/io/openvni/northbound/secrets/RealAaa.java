package io.openvni.northbound.secrets;

import io.openvni.odl.SecretBox;
import java.nio.charset.StandardCharsets;
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
        return new SecretBox(new AAAEncryptionServiceImpl(new Config(key)));
    }

    private record Config(String key) implements EncryptServiceConfig {
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
            return "AES/GCM/NoPadding";
        }
    }
}
