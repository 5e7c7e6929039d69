package org.labelcritic.imaging.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An invented, census-style list of 3-digit occupation codes: the first digit is a major group,
 * each description combines an optional rank, a field of work of that group and a role. The list is
 * the same for every demo (it plays the part of the official code list); only how often each code
 * occurs depends on the seed.
 */
final class OccupationCodeList {
  static final int CODES_PER_GROUP = 30;
  private static final long LIST_SEED = 1950L;

  private static final String[][] FIELDS = {
    {"chemical", "electrical", "civil engineering", "mechanical engineering", "laboratory"},
    {"surveying", "architectural", "meteorological", "radio", "geological"},
    {"hospital", "dental", "pharmacy", "primary school", "secondary school"},
    {"vocational school", "parish", "nursing home", "veterinary", "maternity ward"},
    {"office", "bank", "insurance", "accounting", "municipal"},
    {"post office", "customs", "tax office", "shipping office", "railway office"},
    {"grocery", "textile", "hardware", "book", "furniture"},
    {"fish", "timber", "coal", "wine", "tobacco"},
    {"dairy", "crop", "poultry", "livestock", "forestry"},
    {"orchard", "market garden", "fishing boat", "whaling", "fur farm"},
    {"coal mine", "quarry", "railway", "tramway", "lorry"},
    {"ship", "harbour", "ferry", "taxi", "telegraph"},
    {"carpentry", "masonry", "plumbing", "house painting", "roofing"},
    {"tailoring", "shoemaking", "bakery", "printing", "watchmaking"},
    {"sawmill", "paper mill", "textile mill", "cannery", "brewery"},
    {"chemical plant", "smelter", "cement works", "tobacco factory", "glassworks"},
    {"sheet metal", "welding", "foundry", "machine shop", "electrical installation"},
    {"telephone", "engine", "boiler", "shipyard", "tool and die"},
    {"hotel", "restaurant", "household", "laundry", "barbershop"},
    {"cleaning", "security", "funeral", "cinema", "sports ground"},
  };

  private static final String[][] ROLES = {
    {"engineer", "technician", "assistant", "draughtsman", "inspector"},
    {"attendant", "assistant", "teacher", "secretary", "orderly"},
    {"clerk", "secretary", "cashier", "bookkeeper", "manager"},
    {"merchant", "shop assistant", "salesman", "wholesaler", "buyer"},
    {"worker", "foreman", "manager", "labourer", "hand"},
    {"driver", "operator", "conductor", "stoker", "signalman"},
    {"journeyman", "master", "apprentice", "repairer", "cutter"},
    {"machine operator", "labourer", "foreman", "packer", "inspector"},
    {"fitter", "mechanic", "welder", "installer", "turner"},
    {"attendant", "cook", "porter", "waiter", "caretaker"},
  };

  private static final String[] RANKS = {"Senior", "Head", "Trainee", "Relief", "Chief"};

  private OccupationCodeList() {}

  /** The 300 codes of the demo, sorted by code. */
  static List<OccupationCode> standard() {
    SplittableRandom rng = new SplittableRandom(LIST_SEED);
    List<OccupationCode> codes = new ArrayList<>();
    for (int group = 0; group < 10; group++) {
      codes.addAll(group(group, rng));
    }
    return List.copyOf(codes);
  }

  private static List<OccupationCode> group(int group, SplittableRandom rng) {
    List<String> fields = new ArrayList<>(List.of(FIELDS[2 * group]));
    fields.addAll(List.of(FIELDS[2 * group + 1]));
    List<String> combos = new ArrayList<>();
    for (String field : fields) {
      for (String role : ROLES[group]) {
        combos.add(field + " " + role);
      }
    }
    shuffle(combos, rng);
    List<Integer> suffixes = new ArrayList<>();
    for (int s = 0; s < 100; s++) {
      suffixes.add(s);
    }
    shuffle(suffixes, rng);
    List<Integer> chosen = new ArrayList<>(suffixes.subList(0, CODES_PER_GROUP));
    chosen.sort(null);
    Set<String> seen = new HashSet<>();
    List<OccupationCode> result = new ArrayList<>();
    for (int i = 0; i < CODES_PER_GROUP; i++) {
      String base = combos.get(i);
      // A rank on about a third of the entries, so the list reads like a real classification.
      String text = rng.nextInt(3) == 0 ? RANKS[rng.nextInt(RANKS.length)] + " " + base : base;
      if (!seen.add(text)) {
        text = base;
      }
      String description = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
      result.add(new OccupationCode("%d%02d".formatted(group, chosen.get(i)), description));
    }
    return result;
  }

  static <T> void shuffle(List<T> list, SplittableRandom rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
