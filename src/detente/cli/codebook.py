"""detente codebook ... (To be built.)"""
