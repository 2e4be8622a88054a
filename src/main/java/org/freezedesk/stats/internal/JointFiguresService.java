package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.freezedesk.cases.CasePagePart;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.JointCases;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.ui.Model;

/**
 * Figures per joint case: requested, frozen and recovered per asset, per filing agency and in total, for the case page
 * (as its {@link CasePagePart}), the dashboard and the API. A case no other agency ever joined shows its totals as it
 * always did, so the case page of a large single-agency case reads nothing more.
 */
@Service
public class JointFiguresService implements CasePagePart {

    private final JointFiguresRepository repository;
    private final FreezeCaseService freezeCaseService;
    private final JointCases jointCases;

    JointFiguresService(JointFiguresRepository repository, FreezeCaseService freezeCaseService, JointCases jointCases) {
        this.repository = repository;
        this.freezeCaseService = freezeCaseService;
        this.jointCases = jointCases;
    }

    @Override
    public void addTo(Model model, FreezeCase freezeCase, StaffUser viewer) {
        model.addAttribute("jointFigures", jointOrRequested(freezeCase, false).orElse(null));
    }

    /** The figures of a case the user may read, joint or not (a case of one agency has one agency line). */
    public JointFigures of(String reference, StaffUser user) {
        return jointOrRequested(freezeCaseService.visibleCase(reference, user), true).orElseThrow();
    }

    /** The figures of the named cases that are joint, each checked like its page; for the dashboard. */
    public List<JointFigures> ofJointCases(List<String> references, StaffUser user) {
        return references.stream().distinct().map(r -> freezeCaseService.visibleCase(r, user))
                .map(c -> jointOrRequested(c, false)).flatMap(Optional::stream).toList();
    }

    private Optional<JointFigures> jointOrRequested(FreezeCase freezeCase, boolean always) {
        if (!always && !jointCases.joint(freezeCase.id())) {
            return Optional.empty();
        }
        return Optional.of(figures(freezeCase));
    }

    JointFigures figures(FreezeCase freezeCase) {
        long caseId = freezeCase.id();
        List<JointFiguresRepository.Sum> recovered = repository.recovered(caseId);
        List<AssetFigures> total = assets(repository.requested(caseId, false), repository.frozen(caseId, false),
                sumPerAsset(recovered));
        Map<String, List<JointFiguresRepository.Sum>> requested = byAgency(repository.requested(caseId, true));
        Map<String, List<JointFiguresRepository.Sum>> frozen = byAgency(repository.frozen(caseId, true));
        Map<String, List<JointFiguresRepository.Sum>> recoveredByAgency = byAgency(recovered);
        TreeSet<String> agencies = new TreeSet<>(requested.keySet());
        agencies.addAll(frozen.keySet());
        agencies.addAll(recoveredByAgency.keySet());
        List<JointFigures.AgencyFigures> lines = agencies.stream()
                .sorted(Comparator.comparing((String a) -> !a.equals(freezeCase.agency())).thenComparing(a -> a))
                .map(a -> new JointFigures.AgencyFigures(a, a.equals(freezeCase.agency()), assets(requested.getOrDefault(a, List.of()),
                        frozen.getOrDefault(a, List.of()), recoveredByAgency.getOrDefault(a, List.of()))))
                .toList();
        return new JointFigures(freezeCase.reference(), freezeCase.agency(), total, lines);
    }

    private static Map<String, List<JointFiguresRepository.Sum>> byAgency(List<JointFiguresRepository.Sum> sums) {
        return sums.stream().collect(Collectors.groupingBy(JointFiguresRepository.Sum::agency, TreeMap::new, Collectors.toList()));
    }

    private static List<JointFiguresRepository.Sum> sumPerAsset(List<JointFiguresRepository.Sum> sums) {
        return sums.stream().collect(Collectors.groupingBy(JointFiguresRepository.Sum::asset, TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, JointFiguresRepository.Sum::amount, BigDecimal::add)))
                .entrySet().stream().map(e -> new JointFiguresRepository.Sum(null, e.getKey(), e.getValue(), 0)).toList();
    }

    private static List<AssetFigures> assets(List<JointFiguresRepository.Sum> requested, List<JointFiguresRepository.Sum> frozen,
            List<JointFiguresRepository.Sum> recovered) {
        TreeSet<String> assets = new TreeSet<>();
        requested.forEach(s -> assets.add(s.asset()));
        frozen.forEach(s -> assets.add(s.asset()));
        recovered.forEach(s -> assets.add(s.asset()));
        List<AssetFigures> figures = new ArrayList<>();
        for (String asset : assets) {
            Optional<JointFiguresRepository.Sum> asked = find(requested, asset);
            figures.add(new AssetFigures(asset, asked.map(JointFiguresRepository.Sum::amount).orElse(BigDecimal.ZERO),
                    asked.map(JointFiguresRepository.Sum::allCount).orElse(0),
                    find(frozen, asset).map(JointFiguresRepository.Sum::amount).orElse(BigDecimal.ZERO),
                    find(recovered, asset).map(JointFiguresRepository.Sum::amount).orElse(BigDecimal.ZERO)));
        }
        return figures;
    }

    private static Optional<JointFiguresRepository.Sum> find(List<JointFiguresRepository.Sum> sums, String asset) {
        return sums.stream().filter(s -> Objects.equals(s.asset(), asset)).findFirst();
    }
}
