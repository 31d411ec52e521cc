package io.crisisconsole.toolkit;

/**
 * Marks an exception whose message is written for the person at the keyboard (what is wrong and
 * what to do), so the window and the command line show it as it is instead of a class name.
 */
public interface UserFacing {
}
