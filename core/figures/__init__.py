"""What the orders tell us: order facts, each buyer's figures and their cache, lifecycle stages, RFM and its
cuts, rhythm (days between purchases), the stage history, the Insights page's figures, shop stats, and when a
buyer's birthday falls (solar or lunar)."""
