package io.crisisconsole.signals;

/**
 * One signal of a threshold that is met, with its figure.
 *
 * @param figure what was measured: mentions in the last hour, mentions in the spiking bucket, its
 *        negative share (0 to 1), minutes open, media inquiries not yet handled
 * @param against what it is measured against: the threshold, the baseline rate per bucket, the
 *        baseline share, the threshold in minutes, 1
 * @param level how far it is met (1 and up): an accepted threshold prompts again only at a higher
 *        level (see {@link ThresholdCheck})
 */
public record Met(Signal signal, double figure, double against, int level) {
}
