"""Events: what happened (strikes, fighting, exchanges, meetings, agreements), merged per happening."""
