"""Which MAJA parametrisation made a Theia product, in words (``core/maja.py`` decides it from the production
date; docs/MAJA_ERAS.md): for ``loadproduct``'s summary and outputs, the refine recipe and the panel."""
from ..core import maja
from ..i18n import tr


def era_labels():
    """Era key -> its translated name."""
    return {
        "theia_2016": tr("Theia before May 2017"),
        "theia_2017": tr("Theia May 2017 to February 2018"),
        "theia_2018": tr("Theia production since February 2018"),
    }


def era_parameters(era):
    """The buffer and thresholds of ``era`` (a ``core.maja.Era``), in words."""
    return tr("cloud buffer {distance:g} m, SWIR over water {threshold:g} ({sunglint:g} with sunglint)").format(
        distance=era.distance, threshold=era.threshold, sunglint=era.threshold_sunglint)


def era_of_product(product):
    """The ``core.maja.Era`` of a Theia ``product`` (None for another kind, or without a production date)."""
    if product is None or product.kind != "theia":
        return None
    return maja.era_of(product.production)


def era_summary(product):
    """One line: the parametrisation that made ``product``'s cloud mask, or why it is not known; None for a
    product that MAJA did not make (Sen2Cor, layers)."""
    if product is None or product.kind != "theia":
        return None
    era = era_of_product(product)
    if era is None:
        return tr("MAJA parameters unknown: the metadata give no production date")
    text = tr("MAJA parameters: {era} ({parameters})").format(era=era_labels()[era.key],
                                                              parameters=era_parameters(era))
    if era.uncertain:
        text += " " + tr("(produced in May 2017: the 240 m buffer started that month, on a day the source does "
                         "not give, so it may have been the 480 m one)")
    return text
