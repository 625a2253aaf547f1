"""Read articles from files, folders and feeds into ``Document`` records. (To be built.)"""
