"""Névé plugin package: ``core`` (the science, pure numpy), ``io`` (files), ``processing`` (QGIS)."""
