package io.crisisconsole.toolkit;

/**
 * Forces everything committed so far down to the disk device. Commits already reach the file at
 * once; services call this at important points (a case closed, a message approved) so those also
 * survive a power cut. The store implements it with its database's own command, so no service
 * carries database-specific SQL.
 */
@FunctionalInterface
public interface DiskSync {

    void sync();
}
