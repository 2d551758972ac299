"""Mask layers of Sentinel-2 L2A products, decoded (DOMAIN.md sections 2 and 3).

MAJA (Theia/MUSCATE) masks are bit fields, bit 0 being the value 1:

CLM, the cloud mask::

    bit 0  summary: all clouds except the thinnest, and all shadows
    bit 1  all clouds except the thinnest
    bit 2  clouds from mono-temporal thresholds
    bit 3  clouds from multi-temporal thresholds
    bit 4  thinnest clouds
    bit 5  shadows of clouds detected in the image
    bit 6  shadows of clouds outside the image
    bit 7  high clouds (cirrus band, 1.38 um)

MG2, the geophysical mask::

    bit 0 water, 1 all clouds, 2 snow, 3 cloud shadows, 4 topographic shadows, 5 hidden surfaces,
    6 sun too low for slope correction, 7 sun tangent to slope

Sen2Cor's scene classification SCL holds classes 0..11 (0 is nodata)::

    0 nodata, 1 saturated or defective, 2 dark area or topographic shadow, 3 cloud shadow,
    4 vegetation, 5 not vegetated, 6 water, 7 unclassified, 8 cloud medium probability,
    9 cloud high probability, 10 thin cirrus, 11 snow or ice

USGS Landsat Collection 2 (Level-1 and Level-2) ``QA_PIXEL`` is a uint16 bit field (DOMAIN.md section 8)::

    bit 0 fill (no data), 1 dilated cloud, 2 cirrus, 3 cloud, 4 cloud shadow, 5 snow, 6 clear, 7 water,
    8-9 cloud confidence, 10-11 cloud shadow confidence, 12-13 snow/ice confidence, 14-15 cirrus
    confidence (two bits each: 0 none, 1 low, 2 medium, 3 high)

Mask outputs of Névé are uint8: 1 in the mask, 0 outside, 255 nodata.
"""
import numpy as np

CLM_BIT_COUNT = 8
MG2_BIT_COUNT = 8
SCL_CLASS_COUNT = 12

# CLM bits
CLM_SUMMARY, CLM_ALL_CLOUDS, CLM_MONO_TEMPORAL, CLM_MULTI_TEMPORAL = 0, 1, 2, 3
CLM_THIN_CLOUDS, CLM_SHADOWS, CLM_SHADOWS_OUTSIDE, CLM_HIGH_CLOUDS = 4, 5, 6, 7
# MG2 bits
MG2_WATER, MG2_CLOUDS, MG2_SNOW, MG2_CLOUD_SHADOWS = 0, 1, 2, 3
MG2_TOPOGRAPHIC_SHADOWS, MG2_HIDDEN, MG2_SUN_TOO_LOW, MG2_SUN_TANGENT = 4, 5, 6, 7
# SCL classes
SCL_NODATA, SCL_SATURATED, SCL_DARK, SCL_CLOUD_SHADOW, SCL_VEGETATION, SCL_NOT_VEGETATED = 0, 1, 2, 3, 4, 5
SCL_WATER, SCL_UNCLASSIFIED, SCL_CLOUD_MEDIUM, SCL_CLOUD_HIGH, SCL_CIRRUS, SCL_SNOW = 6, 7, 8, 9, 10, 11

# QA_PIXEL bits (USGS Landsat Collection 2)
QA_PIXEL_BIT_COUNT = 16
QA_FILL, QA_DILATED_CLOUD, QA_CIRRUS, QA_CLOUD, QA_CLOUD_SHADOW, QA_SNOW, QA_CLEAR, QA_WATER = range(8)
QA_CLOUD_CONFIDENCE, QA_SHADOW_CONFIDENCE, QA_SNOW_CONFIDENCE, QA_CIRRUS_CONFIDENCE = 8, 10, 12, 14

# The choice of the Theia Snow collection (LIS): every CLM bit counts (CLM > 0); on Sen2Cor, SCL classes
# 3 (cloud shadow), 8, 9 (clouds) and 10 (thin cirrus).
LIS_CLM_BITS = tuple(range(CLM_BIT_COUNT))
LIS_SCL_CLASSES = (SCL_CLOUD_SHADOW, SCL_CLOUD_MEDIUM, SCL_CLOUD_HIGH, SCL_CIRRUS)
# On a USGS Landsat QA_PIXEL, the clouds of the snow map (all of them, as CLM > 0): dilated cloud, cirrus,
# cloud and cloud shadow (bits 1, 2, 3, 4).
LIS_QA_PIXEL_BITS = (QA_DILATED_CLOUD, QA_CIRRUS, QA_CLOUD, QA_CLOUD_SHADOW)

MASK_NODATA = 255


def bit_value(bits):
    """The integer whose set bits are ``bits`` (bit 0 = 1): ``bit_value([0, 5]) == 33``."""
    value = 0
    for bit in bits:
        value |= 1 << int(bit)
    return value


def any_bit_set(values, bits):
    """True where at least one of ``bits`` is set in the integer array ``values``."""
    return (values & bit_value(bits)) != 0


def in_classes(values, classes):
    """True where ``values`` is one of ``classes``."""
    return np.isin(values, np.asarray(list(classes), dtype=values.dtype))


def encode_mask(mask, nodata=None):
    """uint8 mask raster: 1 where ``mask``, 0 elsewhere, :data:`MASK_NODATA` where ``nodata``."""
    mask = np.asarray(mask, dtype=bool)
    if nodata is None:
        return mask.astype(np.uint8)
    # MASK_NODATA has every bit set: one multiplication and one OR instead of a boolean selection
    out = np.multiply(np.asarray(nodata, dtype=bool).view(np.uint8), np.uint8(MASK_NODATA))
    out |= mask.view(np.uint8)
    return out
