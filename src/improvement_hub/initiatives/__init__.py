"""Initiatives along the spectrum of change: improvement and Lab projects, redesign
programmes, prototypes, PDSA cycles, pilots and measures with SPC charts."""
