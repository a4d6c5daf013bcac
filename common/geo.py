"""Distances on the earth for the radius filter: haversine in km and a bounding box prefilter."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG); haversine is then within 0.5 % of the ellipsoid
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS84 points in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing every point within ``radius_km``.

    Slightly generous so that the exact haversine check afterwards decides the boundary.
    """
    margin = radius_km * 1.01 + 0.01
    dlat = margin / KM_PER_DEGREE_LAT
    max_abs_lat = min(89.9, abs(lat) + dlat)
    dlon = margin / (KM_PER_DEGREE_LAT * math.cos(math.radians(max_abs_lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
