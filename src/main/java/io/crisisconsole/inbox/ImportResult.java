package io.crisisconsole.inbox;

/**
 * What an import stored: new inbox items, rows skipped as duplicates (of stored mentions or of
 * earlier rows of the same file), rows of the brand's own accounts stored as responses, and rows
 * with problems (none stored when the import was refused).
 *
 * @param stored false when nothing was stored (problems, and not only the good rows wanted)
 */
public record ImportResult(int imported, int duplicates, int responses, int problems, boolean stored) {
}
