"""The Cần Thơ demo data: projects, register, milestones, readiness and consultations."""

DEMO_HOUSEHOLDS = 480  # parties of the synthetic CT-ITP register the demo makes
