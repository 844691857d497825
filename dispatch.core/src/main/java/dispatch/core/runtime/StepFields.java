package dispatch.core.runtime;

/** The fields of {@link StepLocals}, padded on both sides; see {@link InboxFields}. */
final class StepFields {

    private StepFields() {
    }

    @SuppressWarnings("unused")
    abstract static class LeadingPad {
        long p00, p01, p02, p03, p04, p05, p06, p07;
    }

    abstract static class Fields extends LeadingPad {
        EventBatch pending = new EventBatch();
        EventBatch spare = new EventBatch();
        boolean started;
        boolean continueWanted;
    }

    @SuppressWarnings("unused")
    abstract static class TrailingPad extends Fields {
        long p10, p11, p12, p13, p14, p15, p16, p17;
    }
}
