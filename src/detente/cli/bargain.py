"""detente bargain ... (To be built.)"""
