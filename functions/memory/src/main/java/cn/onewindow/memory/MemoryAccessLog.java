package cn.onewindow.memory;

import cn.onewindow.core.ports.AccessLog;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads of a clear identity and staff sign-in events, in memory. */
public final class MemoryAccessLog implements AccessLog {
    private final List<Entry> entries = new ArrayList<>();
    private final List<SignInEvent> signIns = new ArrayList<>();

    @Override
    public synchronized void record(Entry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<Entry> of(String caseId) {
        return entries.stream().filter(e -> caseId.equals(e.caseId()))
                .sorted(Comparator.comparing(Entry::at)).toList();
    }

    @Override
    public synchronized void record(SignInEvent event) {
        signIns.add(event);
    }

    @Override
    public synchronized List<SignInEvent> signIns(LocalDate day) {
        return signIns.stream().filter(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
                .sorted(Comparator.comparing(SignInEvent::at)).toList();
    }
}
