package io.github.capacityemulator.core.paging;

/** MaxResults when the caller leaves it out: the model states no default, SageMaker answers pages of 10. */
public final class PageSizes {

    public static final int DEFAULT = 10;

    private PageSizes() {
    }

    public static int of(Integer maxResults) {
        return of(maxResults, DEFAULT);
    }

    public static int of(Integer maxResults, int defaultSize) {
        return maxResults == null ? defaultSize : maxResults;
    }
}
