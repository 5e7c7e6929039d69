package org.labelcritic.imaging.critic.features;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table of {@link OrganPrior}s by structure name, with overrides. Immutable.
 *
 * <p>The defaults are rough typical adult values, meant to tell a plausible label from an absurd
 * one, not clinical reference ranges. Volumes follow the ranges commonly reported by adult CT
 * volumetry (liver about 1.2-2 L, spleen about 0.1-0.35 L, each kidney about 0.12-0.2 L, pancreas
 * about 50-100 mL, adrenal glands a few mL) and, for hollow organs and vessels whose volume depends
 * on filling and on the field of view, deliberately wide spreads. HU values assume the
 * portal-venous phase most abdominal CTs are acquired in (enhanced liver ~100 HU, spleen ~110,
 * kidney cortex ~150, vessels 150-180), with spreads wide enough to cover unenhanced scans (liver
 * ~55, blood ~40). The left fraction is where the organ lies relative to the mid-sagittal plane. A
 * site with other protocols (arterial phase, children) should override them ({@link #with}).
 */
public final class OrganPriors {

  private static final double NONE = Double.NaN;

  private final Map<String, OrganPrior> byName;

  private OrganPriors(Map<String, OrganPrior> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The built-in table (canonical names of the bundled structure map). */
  public static OrganPriors defaults() {
    Map<String, OrganPrior> m = new HashMap<>();
    put(m, "liver", 1600, 400, 100, 40, 25, 12, 0.1);
    put(m, "spleen", 220, 100, 110, 40, 25, 12, 1.0);
    put(m, "kidney_left", 160, 45, 150, 70, 45, 20, 1.0);
    put(m, "kidney_right", 155, 45, 150, 70, 45, 20, 0.0);
    put(m, "pancreas", 75, 25, 90, 35, 35, 15, 0.6);
    put(m, "stomach", 400, 250, 40, 50, 60, 30, 0.85);
    put(m, "gallbladder", 35, 25, 15, 20, 20, 12, 0.0);
    put(m, "aorta", 130, 80, 170, 90, 45, 25, 0.65);
    put(m, "postcava", 70, 35, 140, 60, 40, 20, 0.15);
    put(m, "adrenal_gland_left", 5, 2.5, 45, 30, 40, 15, 1.0);
    put(m, "adrenal_gland_right", 5, 2.5, 45, 30, 40, 15, 0.0);
    put(m, "duodenum", 90, 45, 45, 40, 50, 25, 0.35);
    put(m, "colon", 700, 350, -30, 120, 150, 80, NONE);
    put(m, "small_bowel", 900, 450, 45, 50, 60, 30, NONE);
    put(m, "urinary_bladder", 200, 150, 15, 25, 20, 15, 0.5);
    put(m, "esophagus", 30, 15, 40, 35, 50, 30, 0.6);
    put(m, "portal_vein_and_splenic_vein", 30, 15, 160, 60, 40, 20, 0.4);
    // Names other tables use for the same structures.
    m.put("inferior_vena_cava", rename(m.get("postcava"), "inferior_vena_cava"));
    m.put("bladder", rename(m.get("urinary_bladder"), "bladder"));
    m.put("portal_vein", rename(m.get("portal_vein_and_splenic_vein"), "portal_vein"));
    return new OrganPriors(m);
  }

  /** No priors: every structure is unknown. */
  public static OrganPriors none() {
    return new OrganPriors(Map.of());
  }

  /** This table with {@code prior} added or replacing the one of the same name. */
  public OrganPriors with(OrganPrior prior) {
    Map<String, OrganPrior> m = new HashMap<>(byName);
    m.put(key(prior.structure()), prior);
    return new OrganPriors(m);
  }

  /** The prior of a structure (case and surrounding space ignored), if the table has one. */
  public Optional<OrganPrior> find(String structure) {
    return structure == null ? Optional.empty() : Optional.ofNullable(byName.get(key(structure)));
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static OrganPrior rename(OrganPrior p, String name) {
    return new OrganPrior(
        name,
        p.volumeMl(),
        p.volumeSdMl(),
        p.huMean(),
        p.huMeanSd(),
        p.huSpread(),
        p.huSpreadSd(),
        p.leftFraction());
  }

  private static void put(
      Map<String, OrganPrior> m,
      String name,
      double volume,
      double volumeSd,
      double hu,
      double huSd,
      double spread,
      double spreadSd,
      double left) {
    m.put(name, new OrganPrior(name, volume, volumeSd, hu, huSd, spread, spreadSd, left));
  }
}
