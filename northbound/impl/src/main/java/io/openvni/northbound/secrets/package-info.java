/**
 * Credentials at rest: the fabric's plaintext passwords and keys are replaced by their AAA-encrypted form shortly
 * after each commit ({@link io.openvni.northbound.secrets.SecretSealer}), and everything that needs a credential
 * decrypts it ({@link io.openvni.odl.SecretBox}). Secret values are never logged.
 */
package io.openvni.northbound.secrets;
