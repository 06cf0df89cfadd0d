package io.thingbus.command.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps this service's copy of devices, live sessions and sub-device connections, from the registry's compacted topic
 * and the broker's lifecycle topic, and records the devices' answers to RPCs from the device-requests topic, in log
 * order:
 * <ul>
 *   <li>a device record replaces what was known of the device; a tombstone forgets it;</li>
 *   <li>{@code connected} makes its connection the client's session (dropping an older connection's filters); the
 *       same connection reported again changes nothing;</li>
 *   <li>{@code disconnected} ends the session only if its connection is still the current one (a client that
 *       reconnected elsewhere stays);</li>
 *   <li>{@code subscribed} / {@code unsubscribed} change the downlink filters of the current connection; events of an
 *       older connection are ignored;</li>
 *   <li>a sub-device {@code connected} / {@code disconnected} changes what the gateway's current connection carries
 *       ({@link SubdeviceStep});</li>
 *   <li>an RPC answer completes the RPC it names, once ({@link RpcAnswerStep}).</li>
 * </ul>
 * Applying the same records again, in order, leaves the same state. Thread-safe; a batch is applied in one
 * transaction.
 */
public final class StateProjection {

    private final StateStore store;

    public StateProjection(StateStore store) {
        this.store = store;
    }

    /**
     * Applies the inputs in one transaction. Inputs that are not usable are skipped and reported.
     *
     * @throws StoreUnavailableException when the store fails; nothing of the batch is kept
     */
    public StateReport apply(List<StateInput> inputs) {
        List<StateStep> steps = new ArrayList<>(inputs.size());
        List<StateReport.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                steps.add(StateStep.of(inputs.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                rejected.add(new StateReport.Rejected(i, String.valueOf(e.getMessage())));
            }
        }
        Map<StateOutcome, Integer> outcomes = new EnumMap<>(StateOutcome.class);
        store.inTransaction(changes -> {
            outcomes.clear();
            steps.forEach(step -> outcomes.merge(step.applyTo(changes), 1, Integer::sum));
        });
        return new StateReport(outcomes, rejected);
    }
}
