package io.crisisconsole.inbox;

import java.util.List;

/**
 * What reading a whole export gave: the good rows' mentions and the problems, each as
 * {@code file:line: problem} (at most {@value MentionFileReader#MAX_PROBLEMS}, then one line saying
 * how many more). The caller imports the good rows or nothing.
 *
 * @param mentions the mentions of the rows without problems, in file order (empty when handed to a sink)
 * @param goodRows how many rows made a mention
 * @param problemCount how many problems there are in all (listed or not)
 * @param refused whether the file as a whole could not be read (then there are no mentions)
 * @param cancelled whether the reading was cancelled before the end (then nothing should be imported)
 */
public record MentionReadResult(List<IncomingMention> mentions, long goodRows, List<String> problems,
        long problemCount, boolean refused, boolean cancelled) {

    public MentionReadResult {
        mentions = List.copyOf(mentions);
        problems = List.copyOf(problems);
    }

    /** Read to the end, every row good. */
    public boolean ok() {
        return !refused && !cancelled && problemCount == 0;
    }
}
