package cn.onewindow.sdk.examples;

import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.RequestOptions;
import cn.onewindow.sdk.model.BatchRecordError;
import cn.onewindow.sdk.model.Evaluation;
import cn.onewindow.sdk.model.EvaluationBatchStatus;
import cn.onewindow.sdk.model.EvaluationChannel;
import cn.onewindow.sdk.model.EvaluationLevel;
import cn.onewindow.sdk.model.Rating;

import java.util.List;

/** An evaluation terminal (好差评): one rating as the applicant presses the button, and the day's batch. */
public class TerminalRating {

    public static void main(String[] args) throws InterruptedException {
        OneWindowClient client = OneWindowClient.builder()
                .baseUrl(args.length > 1 ? args[1] : "http://localhost:8080")
                .token("demo-terminal")
                .build();
        Rating rating = Rating.builder().caseId(args[0]).level(EvaluationLevel.SATISFIED)
                .channel(EvaluationChannel.TERMINAL).applicantConfirmation("5678").windowId("W03").build();
        try {
            Evaluation e = rate(client, rating, "rating-" + args[0]);
            System.out.println(e.id() + " " + e.level() + (e.replayed() ? " (already stored)" : ""));
        } catch (ConflictException x) {
            System.out.println(x.code());        // ALREADY_RATED: one rating per case and applicant
        }
    }

    /** The key makes a retry after a timeout on a weak link the same rating, never a second vote. */
    public static Evaluation rate(OneWindowClient client, Rating rating, String idempotencyKey) {
        return client.evaluations().rate(rating, RequestOptions.idempotencyKey(idempotencyKey));
    }

    /** Uploads the day's ratings and waits until the platform ingested them; prints the refused ones. */
    public static EvaluationBatchStatus uploadDay(OneWindowClient client, List<Rating> day)
            throws InterruptedException {
        String batchId = client.evaluations().submitBatch(day);
        EvaluationBatchStatus status = client.evaluations().batch(batchId);
        while (!status.done()) {
            Thread.sleep(1000);
            status = client.evaluations().batch(batchId);
        }
        for (BatchRecordError e : status.errors()) {
            System.out.println("record " + e.index() + " (" + e.caseId() + "): " + e.code() + " " + e.messageZh());
        }
        return status;
    }
}
