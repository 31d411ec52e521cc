/**
 * Keys for optional encryption at rest of the store.
 *
 * <p>H2's {@code CIPHER=AES} derives its file key from the file password with only 10 PBKDF2
 * iterations and reports a wrong password and a damaged file header with the same error (90049).
 * So the store is encrypted with a random 256-bit {@link io.crisisconsole.store.crypto.MasterKey}
 * (given to H2 as hex, which makes H2's weak derivation irrelevant), and the master key is kept
 * in a sidecar {@link io.crisisconsole.store.crypto.KeyFile}, wrapped twice with AES-256-GCM: once
 * under a key derived from the passphrase, once under a key derived from a recovery key that is
 * shown to the person once. A problem with the sidecar's structure is reported as damage; a failed
 * GCM check as a wrong passphrase.
 *
 * <p>Nothing here depends on JavaFX or H2.
 */
package io.crisisconsole.store.crypto;
