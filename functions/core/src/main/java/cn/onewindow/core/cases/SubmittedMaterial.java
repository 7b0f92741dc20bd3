package cn.onewindow.core.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A material handed in, by catalog material code, and the number of copies received. */
public record SubmittedMaterial(String code, int copies) {

    /**
     * The materials a case holds after {@code more} came in: one entry per code, in the order first handed in, with
     * the most copies handed in at once (a later, smaller bundle does not lower the count).
     */
    public static List<SubmittedMaterial> merge(List<SubmittedMaterial> have, List<SubmittedMaterial> more) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (SubmittedMaterial m : have) merged.merge(m.code(), m.copies(), Math::max);
        if (more != null) for (SubmittedMaterial m : more) merged.merge(m.code(), m.copies(), Math::max);
        List<SubmittedMaterial> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(new SubmittedMaterial(k, v)));
        return out;
    }
}
